import { defineFlow } from './flow.ts';

defineFlow('http');
