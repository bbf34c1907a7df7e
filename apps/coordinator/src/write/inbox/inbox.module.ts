import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InboxRepository } from './inbox.repository';
import { INBOX_COLLECTION, InboxSchema } from './inbox.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: INBOX_COLLECTION, schema: InboxSchema }])],
  providers: [InboxRepository],
  exports: [InboxRepository],
})
export class InboxModule {}
