import { describe, expect, it } from 'vitest';
import { compareSemVer, isNewerVersion, parseSemVer } from './semver';

describe('semantic versions', () => {
  it('parses releases and pre-releases, and refuses anything else', () => {
    expect(parseSemVer('1.2.3')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: [] });
    expect(parseSemVer('0.2.0-beta.1+build.7')).toEqual({ major: 0, minor: 2, patch: 0, prerelease: ['beta', '1'] });
    for (const bad of ['1.2', '01.2.3', '1.2.3.4', '', 'latest', '1.2.3-', '../1.2.3'])
      expect(parseSemVer(bad)).toBeNull();
  });

  it('orders numerically, and a release after its pre-releases', () => {
    const sorted = ['0.10.0', '0.2.0', '0.2.0-beta.2', '0.2.0-beta.10', '0.2.0-alpha', '1.0.0', '0.1.0'].sort(
      compareSemVer,
    );
    expect(sorted).toEqual(['0.1.0', '0.2.0-alpha', '0.2.0-beta.2', '0.2.0-beta.10', '0.2.0', '0.10.0', '1.0.0']);
    expect(compareSemVer('1.0.0', '1.0.0+other-build')).toBe(0);
  });

  it('offers only a strictly newer, valid version', () => {
    expect(isNewerVersion('0.2.0', '0.1.0')).toBe(true);
    expect(isNewerVersion('0.1.0', '0.1.0')).toBe(false);
    expect(isNewerVersion('0.0.9', '0.1.0')).toBe(false);
    expect(isNewerVersion('not-a-version', '0.1.0')).toBe(false);
  });
});
