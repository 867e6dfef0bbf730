// Private and protected members are implementation, not API: keep them out of the manifest and Storybook.
// Modules are sorted by path, so the manifest does not depend on the order a file system lists files in.
function publicApiOnly() {
  return {
    name: 'inkwell-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
          );
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // package.json names the manifest already; the freshness check's temporary copy must not be written there.
  packagejson: false,
  plugins: [publicApiOnly()],
};
