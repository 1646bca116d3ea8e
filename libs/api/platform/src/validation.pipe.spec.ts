import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
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
      { field: 'a', message: 'a must not contain NUL characters' },
      { field: 'b.1', message: 'b.1 must be valid Unicode text (it holds a lone surrogate)' },
      { field: 'c.d', message: 'c.d must be valid Unicode text (it holds a lone surrogate)' },
    ]);
    expect(unsafeTextFields({ ok: '中文 😀 text' })).toEqual([]);
    expect(unsafeTextFields({ ['k\u0000']: 1 })).toEqual([
      { field: 'body', message: 'a field name in body must not contain NUL characters' },
    ]);
  });

  it('stops at a depth no body needs, before recursion can overflow', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(unsafeTextFields({ deep })[0].message).toMatch(/nested too deeply/);
  });

  it('refuses null unless the DTO documents the field as nullable, in nested items too', () => {
    expect(refusedNulls({ name: null, place: null, items: [{ title: null, note: null }, null] }, BodyDto)).toEqual([
      { field: 'name', message: 'name must not be null' },
      { field: 'items.0.title', message: 'items.0.title must not be null' },
      { field: 'items.1', message: 'items.1 must not be null' },
    ]);
  });

  it('answers 400 naming the field for bodies and path parameters, and lets good values through', async () => {
    expect(await fieldsOf({ name: 'a\u0000' })).toEqual([
      { field: 'name', message: 'name must not contain NUL characters' },
    ]);
    expect(await fieldsOf({ name: null })).toEqual([{ field: 'name', message: 'name must not be null' }]);
    // A null does not hide the body's other bad fields.
    expect((await fieldsOf({ name: null, items: 'none' })) as { field: string }[]).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name must not be null' },
        expect.objectContaining({ field: 'items' }),
      ]),
    );
    expect(await fieldsOf('\uD800', 'param', 'id')).toEqual([
      { field: 'id', message: 'id must be valid Unicode text (it holds a lone surrogate)' },
    ]);
    expect(await fieldsOf({ name: 'Walk', place: null, items: [{ title: 'One', note: null }] })).toBe('accepted');
  });
});
