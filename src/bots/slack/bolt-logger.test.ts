import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../alerts/delivery/delivery-test-kit.ts';
import { toBoltLogger } from './bolt-logger.ts';

describe('toBoltLogger', () => {
  it('writes Bolt’s lines to our logger without tokens or secrets', () => {
    const logger = recordingLogger();
    const bolt = toBoltLogger(logger, ['s3cret-signing']);
    bolt.setName('web-api:WebClient');
    bolt.warn('http request failed', { headers: { Authorization: 'Bearer xoxb-123-abc' } }, 'xapp-1-A1-xyz');
    bolt.error(new Error('signature s3cret-signing mismatch'));
    bolt.info('connected');
    const text = JSON.stringify(logger.lines);
    expect(text).not.toMatch(/xoxb-123|xapp-1-A1|s3cret-signing/u);
    expect(text).toContain('[token]');
    expect(text).toContain('signature [secret] mismatch');
    expect(logger.lines.map((line) => line.level)).toEqual(['warn', 'error', 'debug']);
  });
});
