import type { HttpClient } from './http-client';
import type { TestApp } from './test-app';

/** The roles of the permission matrices: demo accounts, an outsider who shares no project, and nobody. */
export const ROLES = [
  'coordinator',
  'wg1CoChair',
  'wg1Expert',
  'wg1Observer',
  'wg2Expert',
  'outsider',
  'anonymous',
] as const;
export type Role = (typeof ROLES)[number];

export const EMAIL: Record<Exclude<Role, 'anonymous'>, string> = {
  coordinator: 'coordinator@example.org',
  wg1CoChair: 'wg1-eu-cochair@example.org',
  wg1Expert: 'wg1-expert@example.org',
  wg1Observer: 'wg1-observer@example.org',
  wg2Expert: 'wg2-expert@example.org',
  outsider: 'outsider@example.org',
};

/** A signed-up user in no project (the demo seed has none). */
export async function addOutsider(t: TestApp): Promise<void> {
  const { AuthService } = await import('@roundtable/api-auth');
  await t.dataSource.query(
    "INSERT INTO users (email, password_hash, display_name, platform_role) VALUES ('outsider@example.org', $1, 'Outsider', 'member')",
    [await AuthService.hashPassword('roundtable-demo')],
  );
}

/** Opens a call for experts for WG1 as `coordinator`; returns its id. */
export async function openCall(coordinator: HttpClient, projectId: string, wg1: string): Promise<string> {
  const response = await coordinator.post('/api/calls', {
    projectId,
    title: { en: 'Open call', zh: '公开征集' },
    description: { en: 'Experts wanted', zh: '征集专家' },
    eligibility: { en: 'Anyone qualified', zh: '合格人员' },
    workingGroupIds: [wg1],
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  return response.body.id;
}
