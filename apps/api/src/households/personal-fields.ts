/** Descriptions of the personal fields, shared by the household's list, view and erasure answers. */
export const PERSONAL = 'personal data (Decree 13/2023/NĐ-CP): absent for finance officers; null when unknown or erased';
export const ERASED = "true once the household's personal data was erased (POST /households/{id}/erasure); absent for finance officers";
