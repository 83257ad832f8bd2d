import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
@Controller() class C { @Get('health') h() { return { ok: true }; } }
@Module({ controllers: [C] }) class M {}
async function main() { const app = await NestFactory.create(M, new FastifyAdapter(), { logger: false }); await app.listen(3999); console.log('up'); await app.close(); }
void main();
