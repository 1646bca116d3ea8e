import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { ReviewRound } from './reviews.entities';

/**
 * Loads review rounds for `PolicyGuard`: a round is seen exactly when its document is (the document's loader
 * decides, minutes restrictions included), and is managed like the document's lifecycle ('review.manage').
 */
@Injectable()
export class ReviewsPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('reviewRound', {
      notFound: 'Review round not found.',
      visibleWith: 'document',
      load: async (id, user) => {
        const round = await this.dataSource.getRepository(ReviewRound).findOneBy({ id });
        if (!round) return null;
        const document = await this.registry.loader('document').load(round.documentId, user);
        return document && { ...document, entity: round };
      },
    });
  }
}
