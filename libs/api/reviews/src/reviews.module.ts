import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { ExportsModule } from '@roundtable/api-exports';
import { MailModule } from '@roundtable/api-mail';
import { ProjectsModule } from '@roundtable/api-projects';
import { VersionsModule } from '@roundtable/api-versions';
import { ReviewerAccess } from './reviewer.access';
import { ReviewerCommands } from './reviewer.commands';
import { ReviewerController } from './reviewer.controller';
import { ReviewsCommands } from './reviews.commands';
import { ReviewsController } from './reviews.controller';
import { ReviewsPolicy } from './reviews.policy';
import { ReviewerFiles, ReviewsQueries } from './reviews.queries';
import { ReviewsRepository } from './reviews.repository';

/** Review rounds with outside reviewers, dispositions and the response matrix (issue #15, ADR 041). */
@Module({
  imports: [AuthModule, MailModule, ProjectsModule, CollaborationModule, VersionsModule, ExportsModule],
  controllers: [ReviewsController, ReviewerController],
  providers: [
    ReviewsRepository,
    ReviewsPolicy,
    ReviewsCommands,
    ReviewsQueries,
    ReviewerAccess,
    ReviewerCommands,
    ReviewerFiles,
  ],
})
export class ReviewsModule {}
