import { dirOf } from '../../../snapshot/paths.js';
import { defineWorkspaceReader } from './define.js';
import { pathMembers } from './members.js';

/** `<modules>` of an aggregator POM (https://maven.apache.org/guides/mini/guide-multiple-modules.html), profiles' modules included. */
export const mavenModules = defineWorkspaceReader({
  tool: 'maven',
  files: ['**/pom.xml'],
  names: ['pom.xml'],
  read(snapshot, path) {
    const pom = (snapshot.text(path) ?? '').replace(/<!--[\s\S]*?-->/g, '');
    const modules = [...pom.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g)].map((match) => match[1] ?? '');
    if (modules.length === 0) return undefined;
    const root = dirOf(path);
    return { tool: 'maven', root, file: path, members: pathMembers(snapshot, root, modules) };
  },
});
