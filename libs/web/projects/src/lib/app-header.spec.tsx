/** @jest-environment @happy-dom/jest-environment */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { UserDto } from '@roundtable/contracts';
import { initI18n } from '@roundtable/web-i18n';
import { AppHeader } from './app-header';

const EXPERT: UserDto = {
  id: 'user-1',
  email: 'wg1-expert@example.org',
  displayName: 'WG1 expert',
  platformRole: 'member',
  locale: 'en',
  color: '#1d4ed8',
};

function renderHeader(user: UserDto = EXPERT, onLogout = jest.fn(async () => undefined)) {
  render(
    <MemoryRouter initialEntries={['/']}>
      <AppHeader user={user} onLogout={onLogout} tools={<button type="button">Bell</button>} />
      <Routes>
        <Route path="/" element={<p>Home page</p>} />
        <Route path="/plan" element={<p>Plan page</p>} />
      </Routes>
    </MemoryRouter>,
  );
  return { menuButton: screen.getByTestId('menu-button'), onLogout };
}

beforeAll(() => initI18n('en'));

describe('AppHeader', () => {
  it('opens the menu with the button (aria-expanded, focus on the first entry) and Escape closes it, focus back on the button', () => {
    const { menuButton } = renderHeader();
    const panel = document.getElementById(menuButton.getAttribute('aria-controls')!)!;
    expect(panel.contains(screen.getByTestId('main-nav'))).toBe(true);
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(panel.className).not.toContain('panelOpen');

    fireEvent.click(menuButton);
    expect(menuButton.getAttribute('aria-expanded')).toBe('true');
    expect(panel.className).toContain('panelOpen');
    expect(document.activeElement).toBe(screen.getByTestId('nav-home'));

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menuButton);
  });

  it('closes the menu when an entry is followed, or on a click outside', () => {
    const { menuButton } = renderHeader();
    fireEvent.click(menuButton);
    act(() => {
      fireEvent.click(screen.getByTestId('nav-plan'));
    });
    expect(screen.getByText('Plan page')).toBeTruthy();
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(menuButton);
    fireEvent.pointerDown(screen.getByText('Plan page'));
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the outbox to coordinators only, and the tools beside the account menu', () => {
    renderHeader();
    expect(screen.queryByTestId('nav-outbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Bell' })).toBeTruthy();
  });

  it('keeps profile, account and sign-out in the account menu', async () => {
    const { onLogout } = renderHeader({ ...EXPERT, platformRole: 'coordinator' });
    expect(screen.getByTestId('nav-outbox')).toBeTruthy();
    const account = screen.getByTestId('current-user');
    expect(account.getAttribute('aria-label')).toBe('Account menu of WG1 expert');
    expect((screen.getByTestId('user-menu') as HTMLElement).hidden).toBe(true);
    fireEvent.click(account);
    expect((screen.getByTestId('user-menu') as HTMLElement).hidden).toBe(false);
    expect(document.activeElement).toBe(screen.getByTestId('nav-profile'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('logout'));
    });
    expect(onLogout).toHaveBeenCalledTimes(1);
  });
});
