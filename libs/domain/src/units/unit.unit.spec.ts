import { fold } from '../shared/decider';
import { event } from '../shared/event';
import { DeciderSpec } from '../testing/decider-spec';
import { unitDecider, type RegisterUnit, type UnitLevel } from './unit';

const spec = DeciderSpec.for(unitDecider);

const register = (over: Partial<RegisterUnit> = {}): RegisterUnit => ({
  type: 'RegisterUnit',
  code: 'phong-tho',
  name: 'Huyện Phong Thổ',
  level: 'district',
  parent: { code: 'lai-chau', level: 'province' },
  ...over,
});

const phongThoRegistered = event('UnitRegistered', { code: 'phong-tho', name: 'Huyện Phong Thổ', level: 'district' as const, parent: 'lai-chau' });

describe('unit decider', () => {
  it('registers a district under its province', () => {
    spec.given([]).when(register()).then([phongThoRegistered]);
  });

  it('registers the central government without a parent', () => {
    spec
      .given([])
      .when(register({ code: 'vn', name: 'Trung ương', level: 'central', parent: null }))
      .then([event('UnitRegistered', { code: 'vn', name: 'Trung ương', level: 'central' as const, parent: null })]);
  });

  it.each<[UnitLevel, UnitLevel]>([
    ['province', 'central'],
    ['commune', 'district'],
    // Districts were abolished on 1 July 2025: communes now hang directly under a province.
    ['commune', 'province'],
    ['agency', 'central'],
    ['agency', 'province'],
    ['agency', 'district'],
  ])('lets a %s sit under a %s', (level, parentLevel) => {
    spec
      .given([])
      .when(register({ code: 'u', level, parent: { code: 'p', level: parentLevel } }))
      .then([event('UnitRegistered', { code: 'u', name: 'Huyện Phong Thổ', level, parent: 'p' })]);
  });

  it.each<[UnitLevel, UnitLevel]>([
    ['central', 'province'],
    ['province', 'province'],
    ['district', 'central'],
    ['district', 'district'],
    ['commune', 'commune'],
    ['commune', 'central'],
    ['agency', 'commune'],
    ['agency', 'agency'],
  ])('refuses a %s under a %s', (level, parentLevel) => {
    spec
      .given([])
      .when(register({ level, parent: { code: 'p', level: parentLevel } }))
      .thenThrows('VALIDATION_FAILED', { field: 'parent' });
  });

  it.each<UnitLevel>(['province', 'district', 'commune', 'agency'])('refuses a %s without a parent', (level) => {
    spec
      .given([])
      .when(register({ level, parent: null }))
      .thenThrows('VALIDATION_FAILED', { field: 'parent' });
  });

  it('refuses a unit registered twice', () => {
    spec.given([phongThoRegistered]).when(register()).thenThrows('ALREADY_EXISTS', { id: 'phong-tho' });
  });

  it('folds its registration into state', () => {
    expect(fold(unitDecider, [phongThoRegistered])).toEqual({ status: 'registered', code: 'phong-tho', level: 'district', parent: 'lai-chau' });
  });
});
