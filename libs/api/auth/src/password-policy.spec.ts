import { passwordFieldError, passwordProblem } from './password-policy';

const email = 'wg1-expert@example.org';

describe('passwordProblem', () => {
  it('accepts a long, unremarkable password', () => {
    expect(passwordProblem('lantern-orbit-quietly-72', email)).toBeNull();
    expect(passwordProblem('Zugspitze wanderung 1962', email)).toBeNull();
  });

  it('refuses what is too short or too long, naming the field', () => {
    expect(passwordProblem('short', email, 'newPassword')).toBe('newPassword must be at least 10 characters');
    expect(passwordProblem('x'.repeat(1025), email)).toMatch(/^password must be at most 1024/);
  });

  it.each(['aaaaaaaaaa', 'abababababab', '1212121212', 'abcabcabcabc', 'aaaaabbbbb'])(
    'refuses the repetition %s',
    (password) => {
      expect(passwordProblem(password, email)).toMatch(/repeated/);
    },
  );

  it.each(['qwertyuiop', '1234567890', 'password123', 'Password2024!', 'P@ssw0rd12', 'football1990', '!!superman!!'])(
    'refuses the common password %s',
    (password) => {
      expect(passwordProblem(password, email)).toMatch(/too common/);
    },
  );

  it('refuses a password containing the email local part, in any case', () => {
    expect(passwordProblem('my-WG1-Expert-secret', email)).toMatch(/email/);
  });
});

describe('passwordFieldError', () => {
  it('gives each refusal a code the web app translates, with the numbers it needs', () => {
    const email = 'wg1-expert@example.org';
    expect(passwordFieldError('short', email, 'newPassword')).toEqual({
      field: 'newPassword',
      message: 'newPassword must be at least 10 characters',
      code: 'passwordTooShort',
      params: { min: 10 },
    });
    expect(passwordFieldError('aaaaaaaaaaaa', email)?.code).toBe('passwordRepeated');
    expect(passwordFieldError('my-WG1-Expert-secret', email)?.code).toBe('passwordHasEmail');
    expect(passwordFieldError('lantern-orbit-quietly-72', email)).toBeNull();
  });
});
