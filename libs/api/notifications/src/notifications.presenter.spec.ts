import { NOTIFICATION_KINDS } from '@roundtable/contracts';
import type { Notification } from './notifications.entities';
import { presentNotification, presentPreferences } from './notifications.presenter';

describe('notifications presenter', () => {
  const row: Notification = {
    id: 'n1',
    userId: 'u1',
    kind: 'mention',
    titleEn: 'Expert mentioned you in “Paper”',
    titleZh: 'Expert 在《论文》中提到了您',
    link: '/documents/d1?thread=t1',
    delivery: 'email',
    createdAt: new Date('2026-12-07T10:00:00Z'),
    readAt: null,
    digestedAt: null,
  };

  it('shows the title in the reader’s language', () => {
    expect(presentNotification(row, 'en')).toEqual({
      id: 'n1',
      kind: 'mention',
      title: 'Expert mentioned you in “Paper”',
      link: '/documents/d1?thread=t1',
      createdAt: '2026-12-07T10:00:00.000Z',
      readAt: null,
    });
    expect(presentNotification(row, 'zh-CN').title).toBe('Expert 在《论文》中提到了您');
  });

  it('lists every kind, with the default where nothing was chosen', () => {
    const preferences = presentPreferences([{ kind: 'mention', delivery: 'daily' }]);
    expect(preferences[0]).toEqual({ kind: 'mention', delivery: 'daily' });
    expect(preferences.find((p) => p.kind === 'comment-reply')?.delivery).toBe('app');
    expect(preferences.find((p) => p.kind === 'minutes')?.delivery).toBe('email');
    expect(preferences.map((p) => p.kind)).toEqual([...NOTIFICATION_KINDS]);
  });
});
