import { Injectable } from '@nestjs/common';
import { ApiException } from '@roundtable/api-platform';
import { ErrorCode, type DataExportDto, type MyPrivacyDto } from '@roundtable/contracts';
import { CURRENT_NOTICE_VERSION } from './privacy-notice';
import { presentConsents, presentDataExport } from './privacy.presenter';
import { PrivacyRepository } from './privacy.repository';

@Injectable()
export class PrivacyQueries {
  constructor(private readonly repository: PrivacyRepository) {}

  async mine(userId: string): Promise<MyPrivacyDto> {
    return {
      notice: { version: CURRENT_NOTICE_VERSION },
      consents: presentConsents(await this.repository.currentConsents(userId)),
    };
  }

  async exports(userId: string): Promise<DataExportDto[]> {
    return (await this.repository.exportsOf(userId)).map(presentDataExport);
  }

  async export(userId: string, id: string): Promise<DataExportDto> {
    const row = await this.repository.exportOf(userId, id);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Export not found.');
    return presentDataExport(row);
  }
}
