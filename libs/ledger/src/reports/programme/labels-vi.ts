/** The words officers use in the report, in Vietnamese (the 12 indicators of Decree 07/2021, the 10 of Decision 59/2015). */
export const INDICATOR_NAMES: Readonly<Record<string, string>> = {
  employment: 'Việc làm',
  dependants: 'Người phụ thuộc trong hộ gia đình',
  nutrition: 'Dinh dưỡng',
  health_insurance: 'Bảo hiểm y tế',
  health_access: 'Tiếp cận các dịch vụ y tế',
  adult_education: 'Trình độ giáo dục của người lớn',
  child_schooling: 'Tình trạng đi học của trẻ em',
  housing_quality: 'Chất lượng nhà ở',
  housing_area: 'Diện tích nhà ở bình quân đầu người',
  water_source: 'Nguồn nước sinh hoạt',
  latrine: 'Nhà tiêu hợp vệ sinh',
  telecom: 'Sử dụng dịch vụ viễn thông',
  information_access: 'Phương tiện phục vụ tiếp cận thông tin',
};

export const CAPITAL_TYPE_VI: Readonly<Record<string, string>> = { investment: 'Vốn đầu tư phát triển', recurrent: 'Vốn sự nghiệp' };
export const CAPITAL_TYPE_SHORT_VI: Readonly<Record<string, string>> = { investment: 'ĐTPT', recurrent: 'SN' };

export const PLAN_SOURCE_VI: Readonly<Record<string, string>> = {
  central_investment: 'NSTW - vốn ĐTPT',
  central_recurrent: 'NSTW - vốn SN',
  local: 'Ngân sách địa phương',
  other: 'Nguồn vốn hợp pháp khác',
  policy_credit: 'Tín dụng chính sách',
};

export const LEVEL_VI: Readonly<Record<string, string>> = { central: 'Trung ương', province: 'Tỉnh', district: 'Huyện', commune: 'Xã', agency: 'Đơn vị' };

export const CLASS_VI = { poor: 'hộ nghèo', nearPoor: 'hộ cận nghèo' } as const;
