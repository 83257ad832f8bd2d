import { Module } from '@nestjs/common';
import { CommittedEventsPublisher } from './committed-events.publisher';
import { EventsStreamController } from './stream/events-stream.http';
import { LiveStream } from './stream/live-stream.handler';

@Module({ controllers: [EventsStreamController], providers: [CommittedEventsPublisher, LiveStream], exports: [CommittedEventsPublisher] })
export class EventsModule {}
