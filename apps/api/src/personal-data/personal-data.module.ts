import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PersonalDataRegistry } from './personal-data.registry';

/** The registry of personal data providers; features only mark theirs with @ProvidesPersonalData(). */
@Module({ imports: [DiscoveryModule], providers: [PersonalDataRegistry], exports: [PersonalDataRegistry] })
export class PersonalDataModule {}
