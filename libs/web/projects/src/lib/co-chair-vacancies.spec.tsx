/** @jest-environment @happy-dom/jest-environment */
import { render, screen } from '@testing-library/react';
import { initI18n } from '@roundtable/web-i18n';
import type { CoChairVacancyDto } from '@roundtable/contracts';
import { CoChairVacancies } from './co-chair-vacancies';

const neverFilled: CoChairVacancyDto = {
  id: null,
  workingGroupId: 'group-1',
  workingGroupCode: 'WG1',
  region: 'china',
  reason: null,
  openedAt: null,
  previousDisplayName: null,
};

describe('CoChairVacancies', () => {
  it('says a seat empty without a recorded vacancy (e.g. never filled) has no co-chair, in both languages', async () => {
    const i18n = initI18n('en');
    await i18n.changeLanguage('en');
    const { unmount } = render(<CoChairVacancies vacancies={[neverFilled]} />);
    expect(screen.getByTestId('co-chair-unrecorded').textContent).toBe(
      'No co-chair holds this seat and no vacancy was recorded.',
    );
    unmount();
    await i18n.changeLanguage('zh-CN');
    render(<CoChairVacancies vacancies={[neverFilled]} />);
    expect(screen.getByTestId('co-chair-unrecorded').textContent).toBe('该席位没有联合主席，也未记录空缺。');
  });

  it('names who left a seat and when, without the unrecorded wording', async () => {
    await initI18n('en').changeLanguage('en');
    render(
      <CoChairVacancies
        vacancies={[
          { ...neverFilled, id: 'v-1', openedAt: '2026-03-20T09:00:00Z', previousDisplayName: 'Co-chair One' },
        ]}
      />,
    );
    expect(screen.getByTestId('co-chair-vacancy').textContent).toContain('since Co-chair One left it on');
    expect(screen.queryByTestId('co-chair-unrecorded')).toBeNull();
  });
});
