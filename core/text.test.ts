import { describe, expect, it } from 'vitest';
import { detectEol } from './text';

describe('detectEol: the break most lines end with', () => {
  it('keeps a file that uses one kind of break', () => {
    expect(detectEol('a\r\nb\r\nc\r\n')).toBe('\r\n');
    expect(detectEol('a\nb\nc\n')).toBe('\n');
  });

  it('gives LF to a text without breaks, and to an empty one', () => {
    expect(detectEol('single line')).toBe('\n');
    expect(detectEol('')).toBe('\n');
  });

  it('writes LF in a mostly-LF file whose first line ends in CRLF', () => {
    expect(
      detectEol('# exported on Windows\r\n[pgbouncer]\nlisten_port = 6432\npool_mode = transaction\n'),
    ).toBe('\n');
  });

  it('writes CRLF in a mostly-CRLF file whose first line ends in LF', () => {
    expect(detectEol('# header\n[pgbouncer]\r\nlisten_port = 6432\r\npool_mode = transaction\r\n')).toBe(
      '\r\n',
    );
  });

  it('picks LF on a tie, as VS Code does, and counts a lone CR with CRLF', () => {
    expect(detectEol('a\r\nb\n')).toBe('\n');
    expect(detectEol('a\rb\r\nc\n')).toBe('\r\n');
  });

  it('answers for each text, not the one asked about before', () => {
    const crlf = 'a\r\nb\r\n';
    expect(detectEol(crlf)).toBe('\r\n');
    expect(detectEol(crlf)).toBe('\r\n');
    expect(detectEol('a\nb\n')).toBe('\n');
    expect(detectEol(crlf)).toBe('\r\n');
  });
});
