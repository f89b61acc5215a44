import { defineFlow } from './flow.ts';

defineFlow('socket');
