// The one password rule, shared by the server (password.ts) and the web forms
// (web/src/auth/passwordRule.ts), so both refuse the same passwords. Framework-free.

export const MIN_PASSWORD_LENGTH = 10;

// Words that head the lists of leaked passwords; a password that is one of them once
// digits and punctuation are taken away (password1, Qwerty123!, admin2024) is refused.
const COMMON_WORDS = new Set([
  'password', 'passwd', 'passw', 'pass', 'pwd', 'qwerty', 'qwertyuiop', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcvbnm',
  'qazwsx', 'abc', 'abcd', 'abcdef', 'abcdefg', 'abcdefgh', 'admin', 'administrator', 'root', 'user', 'test',
  'welcome', 'letmein', 'iloveyou', 'monkey', 'dragon', 'master', 'login', 'changeme', 'default', 'guest',
  'woaini', 'aini', 'wang', 'zhang', 'li', 'liu', 'chen', 'china', 'huawei', 'baidu', 'taobao', 'gongjian',
  'a', 'aa', 'aaa', 'q', 'qq', 'qwe', 'qweasd', 'zxc', 'x', 'xx', 'xxx', 'p', 'pa',
]);

export type PasswordProblem = 'length' | 'classes' | 'common' | 'username' | 'repetitive';

/** What is wrong with a password, or [] when it may be used. */
export function passwordProblems(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push('length');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('classes');
  const lower = password.toLowerCase();
  const letters = lower.replace(/[^a-z]/g, '');
  if (COMMON_WORDS.has(letters)) problems.push('common');
  // The username in it, even with its punctuation left out or the case changed.
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const name = username ? plain(username) : '';
  if (name.length >= 3 && plain(password).includes(name)) problems.push('username');
  if (new Set(lower).size < 5) problems.push('repetitive');
  return problems;
}

export const isStrongPassword = (password: string, username?: string) => passwordProblems(password, username).length === 0;
