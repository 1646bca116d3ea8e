import { defineMessages } from '@roundtable/web-i18n';

// Signing in, the account page and password resets (ADR 032): keys read `auth.*`.

export const authMessages = defineMessages(
  'auth',
  {
    checkingSession: 'Checking your session…',
    login: {
      title: 'Sign in',
      intro: 'Sign in with the account your project coordinator created for you.',
      email: 'Email address',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      forgot: 'Forgot your password?',
      privacy: 'Privacy notice',
    },
    forgot: {
      title: 'Reset your password',
      intro:
        'Enter the email address of your account. We will send you a link to choose a new password; it works once, for one hour.',
      submit: 'Send the link',
      sent: 'If {{email}} has an account, a link to reset its password is on its way. Check your inbox (and the spam folder).',
      backToLogin: 'Back to sign in',
    },
    reset: {
      title: 'Choose a new password',
      submit: 'Set the new password',
      done: 'Your password is set and you were signed out everywhere.',
      askAgain: 'Ask for a new link',
    },
    password: {
      current: 'Current password',
      new: 'New password',
      repeat: 'New password again',
      rules: 'At least 10 characters; not a common password, a repeated pattern or your email address.',
      mismatch: 'The two passwords are not the same.',
    },
    account: {
      title: 'Your account',
      changePassword: 'Change your password',
      changeIntro: 'You stay signed in here; every other browser and device is signed out.',
      changed: 'Your password was changed. Other sessions were signed out.',
      changeSubmit: 'Change password',
      everywhere: 'Sign out everywhere',
      everywhereIntro:
        'Ends every session of your account, this one included: use it if you signed in on a shared or lost device.',
      everywhereSubmit: 'Sign out everywhere',
    },
    fieldErrors: {
      email: 'Enter a valid email address.',
      password: 'Enter your password.',
      other: 'This field is not valid.',
    },
  },
  {
    checkingSession: '正在验证您的登录状态…',
    login: {
      title: '登录',
      intro: '请使用项目协调人为您创建的账户登录。',
      email: '电子邮箱',
      password: '密码',
      submit: '登录',
      submitting: '正在登录…',
      forgot: '忘记密码？',
      privacy: '隐私声明',
    },
    forgot: {
      title: '重置密码',
      intro: '请输入您账户的电子邮件地址。我们将向您发送一个设置新密码的链接；该链接仅可使用一次，有效期一小时。',
      submit: '发送链接',
      sent: '如果 {{email}} 有账户，重置密码的链接已在发送途中。请查看收件箱（以及垃圾邮件文件夹）。',
      backToLogin: '返回登录',
    },
    reset: {
      title: '设置新密码',
      submit: '保存新密码',
      done: '新密码已设置，您已在所有设备上退出登录。',
      askAgain: '重新申请链接',
    },
    password: {
      current: '当前密码',
      new: '新密码',
      repeat: '再次输入新密码',
      rules: '至少 10 个字符；不能是常用密码、重复的字符组合或您的电子邮件地址。',
      mismatch: '两次输入的密码不一致。',
    },
    account: {
      title: '您的账户',
      changePassword: '更改密码',
      changeIntro: '您在此处保持登录；其他所有浏览器和设备都将退出登录。',
      changed: '密码已更改，其他会话已退出登录。',
      changeSubmit: '更改密码',
      everywhere: '在所有设备上退出',
      everywhereIntro: '结束您账户的所有会话（包括当前会话）：如果您曾在共用或丢失的设备上登录，请使用此功能。',
      everywhereSubmit: '在所有设备上退出',
    },
    fieldErrors: {
      email: '请输入有效的电子邮箱地址。',
      password: '请输入密码。',
      other: '此字段无效。',
    },
  },
);
