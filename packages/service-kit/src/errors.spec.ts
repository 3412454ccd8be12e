import { BadRequestException, ConflictException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { validate } from 'class-validator';
import { CreateQuarterDto, RefreshDto, ReviewDecisionDto } from '@genq/dto';
import { plainToInstance } from 'class-transformer';
import { fieldProblems, problem, toRpcErrorPayload } from './errors';

describe('errors across the wire', () => {
  it('lists every bad field at once with the code and parameters of the constraint that failed', async () => {
    const dto = plainToInstance(CreateQuarterDto, { name: 'x'.repeat(500), land: 'Atlantis', startAt: { phase: 'later' } });
    const problems = fieldProblems(await validate(dto, { stopAtFirstError: false }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'validation.maxLength', params: { max: expect.any(Number) } },
        { field: 'land', code: 'validation.isIn', params: { values: expect.stringContaining('Nordrhein-Westfalen') } },
        { field: 'startAt.phase', code: expect.stringMatching(/^validation\.is(In|Enum)$/), params: { values: expect.stringContaining('development') } },
        // Left out: required, not "must be shorter than ... characters".
        { field: 'municipality', code: 'validation.required' },
      ]),
    );
  });

  it('names the first failing constraint in the order they are written, not the order decorators run', async () => {
    // RefreshDto: @IsString() @IsNotEmpty() @MaxLength(200): an object is not text (and also not "too long").
    const dto = plainToInstance(RefreshDto, { refreshToken: { $ne: null } });
    expect(fieldProblems(await validate(dto, { stopAtFirstError: false }))).toEqual([{ field: 'refreshToken', code: 'validation.isString' }]);
    const long = plainToInstance(RefreshDto, { refreshToken: 'x'.repeat(201) });
    expect(fieldProblems(await validate(long, { stopAtFirstError: false }))).toEqual([{ field: 'refreshToken', code: 'validation.maxLength', params: { max: 200 } }]);
  });

  it('calls text left empty where it is required "required", also where a minimum length requires it', async () => {
    const review = plainToInstance(ReviewDecisionDto, { decision: 'sent_back', requiredChanges: '' });
    expect(fieldProblems(await validate(review, { stopAtFirstError: false }))).toEqual([{ field: 'requiredChanges', code: 'validation.required' }]);
    const tooLong = plainToInstance(ReviewDecisionDto, { decision: 'sent_back', requiredChanges: 'x'.repeat(5001) });
    expect(fieldProblems(await validate(tooLong, { stopAtFirstError: false }))).toEqual([{ field: 'requiredChanges', code: 'validation.isLength', params: { min: 1, max: 5000 } }]);
  });

  it('keeps the status of HTTP and RPC exceptions and hides everything else as 500', () => {
    expect(toRpcErrorPayload(new ConflictException('taken'))).toEqual({ status: 409, message: 'taken' });
    expect(toRpcErrorPayload(new BadRequestException({ message: 'Validation failed', errors: { a: 'b' } }))).toEqual({
      status: 400,
      message: 'Validation failed',
      errors: { a: 'b' },
    });
    expect(toRpcErrorPayload(new RpcException({ status: 404, message: 'gone' }))).toEqual({ status: 404, message: 'gone' });
    expect(toRpcErrorPayload(new Error('SELECT * FROM secret failed'))).toEqual({ status: 500, code: 'internal.error', message: 'Internal error' });
    expect(toRpcErrorPayload({ code: '23505' })).toEqual({ status: 409, code: 'record.exists', message: 'A record with these values already exists' });
    expect(toRpcErrorPayload(problem('service.unavailable'))).toEqual({ status: 503, code: 'service.unavailable', message: expect.any(String), params: {} });
  });
});
