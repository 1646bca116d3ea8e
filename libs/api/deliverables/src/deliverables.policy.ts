import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { PlanItem } from './plan.entities';

/** Loads milestones and deliverables for `PolicyGuard`: they belong to their project. */
@Injectable()
export class DeliverablesPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('planItem', {
      notFound: 'Milestone or deliverable not found.',
      visibleWith: 'project.read',
      load: async (id) => {
        const item = await this.dataSource.getRepository(PlanItem).findOne({ where: { id } });
        return item && { ref: { projectId: item.projectId }, entity: item };
      },
    });
  }
}
