import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { ApiException } from './api.exception';
import { createValidationPipe, refusedNulls, unsafeTextFields } from './validation.pipe';

class ItemDto {
  @ApiProperty() @IsString() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() note?: string | null;
}

class BodyDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() place?: string | null;
  @ApiPropertyOptional({ type: [ItemDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items?: ItemDto[];
}

async function fieldsOf(value: unknown, type: 'body' | 'query' | 'param' = 'body', data?: string): Promise<unknown> {
  try {
    await createValidationPipe().transform(value, { type, metatype: type === 'param' ? String : BodyDto, data });
    return 'accepted';
  } catch (error) {
    return (error as ApiException).extra.fields;
  }
}

describe('the validation pipe’s global rules', () => {
  it('refuses NUL and lone surrogates anywhere, naming the field', () => {
    expect(unsafeTextFields({ a: 'x\u0000y', b: ['ok', 'bad\uDC00'], c: { d: '\uD800' } })).toEqual([
      { field: 'a', message: 'a must not contain NUL characters', code: 'unsafeText' },
      { field: 'b.1', message: 'b.1 must be valid Unicode text (it holds a lone surrogate)', code: 'unsafeText' },
      { field: 'c.d', message: 'c.d must be valid Unicode text (it holds a lone surrogate)', code: 'unsafeText' },
    ]);
    expect(unsafeTextFields({ ok: '中文 😀 text' })).toEqual([]);
    expect(unsafeTextFields({ ['k\u0000']: 1 })).toEqual([
      { field: 'body', message: 'a field name in body must not contain NUL characters', code: 'unsafeText' },
    ]);
  });

  it('stops at a depth no body needs, before recursion can overflow', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(unsafeTextFields({ deep })[0].message).toMatch(/nested too deeply/);
  });

  it('refuses null unless the DTO documents the field as nullable, in nested items too', () => {
    expect(refusedNulls({ name: null, place: null, items: [{ title: null, note: null }, null] }, BodyDto)).toEqual([
      { field: 'name', message: 'name must not be null', code: 'notNull' },
      { field: 'items.0.title', message: 'items.0.title must not be null', code: 'notNull' },
      { field: 'items.1', message: 'items.1 must not be null', code: 'notNull' },
    ]);
  });

  it('answers 400 naming the field for bodies and path parameters, and lets good values through', async () => {
    expect(await fieldsOf({ name: 'a\u0000' })).toEqual([
      { field: 'name', message: 'name must not contain NUL characters', code: 'unsafeText' },
    ]);
    expect(await fieldsOf({ name: null })).toEqual([
      { field: 'name', message: 'name must not be null', code: 'notNull' },
    ]);
    // A null does not hide the body's other bad fields.
    expect((await fieldsOf({ name: null, items: 'none' })) as { field: string }[]).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name must not be null', code: 'notNull' },
        expect.objectContaining({ field: 'items' }),
      ]),
    );
    expect(await fieldsOf('\uD800', 'param', 'id')).toEqual([
      { field: 'id', message: 'id must be valid Unicode text (it holds a lone surrogate)', code: 'unsafeText' },
    ]);
    expect(await fieldsOf({ name: 'Walk', place: null, items: [{ title: 'One', note: null }] })).toBe('accepted');
  });

  it('gives each broken constraint a code and the numbers a translated sentence needs', async () => {
    class DatedDto {
      @ApiProperty() @IsISO8601({}, { message: 'closesAt must be an ISO 8601 date-time' }) closesAt!: string;
      @ApiProperty() @IsString() @Length(2, 40) title!: string;
      @ApiPropertyOptional() @IsOptional() @MaxLength(5) note?: string;
      @ApiPropertyOptional() @IsOptional() @IsIn(['a', 'b']) kind?: string;
    }
    const pipe = createValidationPipe();
    const fields = await pipe
      .transform(
        { closesAt: 'soon', title: 'x', note: 'too long', kind: 'c', extra: 1 },
        { type: 'body', metatype: DatedDto },
      )
      .then(
        () => [],
        (error: ApiException) => error.extra.fields ?? [],
      );
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'closesAt', message: 'closesAt must be an ISO 8601 date-time', code: 'isIso8601' },
        expect.objectContaining({ field: 'title', code: 'isLength', params: { min: 2, max: 40 } }),
        expect.objectContaining({ field: 'note', code: 'maxLength', params: { max: 5 } }),
        expect.objectContaining({ field: 'kind', code: 'isIn', params: { allowed: 'a, b' } }),
        expect.objectContaining({ field: 'extra', code: 'unknownField' }),
      ]),
    );
  });
});
