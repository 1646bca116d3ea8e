import type { Bilingual } from '@roundtable/contracts';

/** The polite "not this time" message, in English and Simplified Chinese in one mail. */
export function applicationDeclinedMail(input: { name: string; callTitle: Bilingual; projectName: string }): {
  subject: string;
  text: string;
} {
  const { name, callTitle, projectName } = input;
  const subject = `Your application: ${callTitle.en} / 您的申请：${callTitle.zh}`;
  const text = [
    `Dear ${name},`,
    '',
    `Thank you for your interest in ${projectName} and for the time and care you put into your application to "${callTitle.en}".`,
    '',
    'We received many strong applications, and after a careful review we are unable to offer you a place in a working group this time. This decision is not a judgement of your expertise: the number of places is small and each group needs a balance of backgrounds and regions.',
    '',
    'We would be glad to hear from you again in future calls, and we wish you every success in your work.',
    '',
    'Kind regards,',
    `The ${projectName} coordination team`,
    '',
    '————————————————',
    '',
    `尊敬的${name}：`,
    '',
    `感谢您对 ${projectName} 的关注，也感谢您为申请"${callTitle.zh}"所付出的时间和心血。`,
    '',
    '我们收到了许多优秀的申请。经过认真评审，很遗憾，此次我们未能为您提供工作组的席位。这一决定并非对您专业能力的评判：席位数量有限，且每个工作组都需要兼顾不同的背景与地区。',
    '',
    '我们诚挚期待您参与今后的征集，并祝您工作顺利。',
    '',
    '此致',
    '敬礼',
    `${projectName} 协调团队`,
    '',
  ].join('\n');
  return { subject, text };
}
