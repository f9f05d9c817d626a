import { describe, expect, it } from 'vitest';
import { channelId, isBareChannelId } from '../../src/core/args.js';
import type { ChatPort, Platform } from '../../src/core/port.js';
import { portOf, teamLang } from '../../src/core/teams.js';

describe('portOf', () => {
  const memory = { platform: 'memory' } as ChatPort;
  const bot = { ports: new Map<Platform, ChatPort>([['memory', memory]]) };

  it('gives a team the port of its platform, and none where this process does not serve it', () => {
    expect(portOf(bot, { platform: 'memory' })).toBe(memory);
    expect(portOf(bot, { platform: 'slack' })).toBeUndefined();
  });

  it('never gives the system team a port, so housekeeping walking every team cannot post through one', () => {
    expect(portOf(bot, { platform: 'system' })).toBeUndefined();
  });
});

describe('teamLang', () => {
  it('speaks to a channel in the team’s language, Polish when it has none the bot knows', () => {
    expect(teamLang({ lang: 'en' })).toBe('en');
    expect(teamLang({ lang: 'pl' })).toBe('pl');
    expect(teamLang({ lang: 'de' })).toBe('pl');
  });

  it('speaks to one member in their own language when they chose one, else in the team’s', () => {
    expect(teamLang({ lang: 'pl' }, { lang: 'en' })).toBe('en');
    expect(teamLang({ lang: 'en' }, { lang: null })).toBe('en');
    expect(teamLang({ lang: 'en' }, undefined)).toBe('en');
  });
});

describe('isBareChannelId', () => {
  it('tells a platform id, which means nothing to a person, from a channel name', () => {
    for (const id of ['C0123ABCD', 'G0ABCDEF1', '123456789012345678']) expect(isBareChannelId(id), id).toBe(true);
    for (const name of ['refleksja', 'superwizja-2026', 'general', '2026']) expect(isBareChannelId(name), name).toBe(false);
  });

  it('agrees with how the core reads a bare id typed as a channel', () => {
    for (const token of ['C0123ABCD', '123456789012345678', 'refleksja']) expect(channelId(token) !== undefined, token).toBe(isBareChannelId(token));
  });
});
