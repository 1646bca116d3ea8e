import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { minutesOfDay } from '@roundtable/domain';
import { DataSource } from 'typeorm';
import { PersonWorkingHours } from './meetings.entities';
import { requirePerson } from './meeting.queries';
import { badRequest } from './meeting.schedule';

/** Sets the caller's working hours for find-a-time, local to their profile's zone (24:00 ends the day). */
@Injectable()
export class SetWorkingHoursCommand {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(personId: string | null, workStart: string, workEnd: string): Promise<void> {
    const person = requirePerson(personId);
    const start = minutesOfDay(workStart);
    const end = workEnd === '24:00' ? 1440 : minutesOfDay(workEnd);
    if (end <= start)
      throw badRequest([{ field: 'workEnd', code: 'endBeforeStart', message: 'workEnd must be after workStart' }]);
    await this.dataSource
      .getRepository(PersonWorkingHours)
      .upsert({ personId: person, workStartMinute: start, workEndMinute: end }, ['personId']);
  }
}
