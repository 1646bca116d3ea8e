import { validate } from 'class-validator';
import { NonBlankText } from './validation.decorators';

class Titled {
  @NonBlankText(5) title!: unknown;
  @NonBlankText(5, 'reason must be at most 5 characters') reason!: unknown;
}

async function problems(title: unknown, reason: unknown = 'ok'): Promise<Record<string, string[]>> {
  const errors = await validate(Object.assign(new Titled(), { title, reason }));
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

describe('NonBlankText', () => {
  it('accepts text within the limit', async () => {
    expect(await problems('WP1')).toEqual({});
  });

  it('names the field in each message', async () => {
    expect((await problems(42)).title).toContain('title must be text');
    expect((await problems('   ')).title).toEqual(['title must not be empty']);
    expect((await problems('ok', ' ')).reason).toEqual(['reason must not be empty']);
  });

  it('uses the given length message, else class-validator’s own', async () => {
    expect((await problems('ok', 'too long')).reason).toEqual(['reason must be at most 5 characters']);
    expect((await problems('too long')).title).toEqual(['title must be shorter than or equal to 5 characters']);
  });
});
