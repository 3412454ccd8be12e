import { BadRequestException, ConflictException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { validate } from 'class-validator';
import { CreateQuarterDto } from '@genq/dto';
import { plainToInstance } from 'class-transformer';
import { fieldErrors, toRpcErrorPayload } from './errors';

describe('errors across the wire', () => {
  it('keys validation messages by field, nested like the body', async () => {
    const dto = plainToInstance(CreateQuarterDto, { name: '', land: 'Atlantis', startAt: { phase: 'later' } });
    const tree = fieldErrors(await validate(dto, { stopAtFirstError: true }));
    expect(tree).toMatchObject({ name: 'name must not be empty', land: 'land must be one of the 16 Länder' });
    expect(tree.startAt).toEqual({ phase: expect.stringContaining('phase must be one of') });
  });

  it('keeps the status of HTTP and RPC exceptions and hides everything else as 500', () => {
    expect(toRpcErrorPayload(new ConflictException('taken'))).toEqual({ status: 409, message: 'taken' });
    expect(toRpcErrorPayload(new BadRequestException({ message: 'Validation failed', errors: { a: 'b' } }))).toEqual({
      status: 400,
      message: 'Validation failed',
      errors: { a: 'b' },
    });
    expect(toRpcErrorPayload(new RpcException({ status: 404, message: 'gone' }))).toEqual({ status: 404, message: 'gone' });
    expect(toRpcErrorPayload(new Error('SELECT * FROM secret failed'))).toEqual({ status: 500, message: 'Internal error' });
    expect(toRpcErrorPayload({ code: '23505' })).toEqual({ status: 409, message: 'A record with these values already exists' });
  });
});
