import type { ImageBuilderFact } from '../facts.js';
import { dirOf } from '../../snapshot/paths.js';
import { lineAt } from './build-files.js';
import { commandsMatching, defineBuilder, scriptPath } from './define.js';

/** Container settings in a project file (https://learn.microsoft.com/dotnet/core/containers/publish-configuration). */
const PROJECT_CONTAINER = /<(?:EnableSdkContainerSupport)>\s*true\s*<|<(?:ContainerRepository|ContainerImageName|ContainerImageNames|ContainerBaseImage|ContainerFamily)>|Include="Microsoft\.NET\.Build\.Containers"/i;
const DOTNET_PUBLISH = /(?:^|[\s/])dotnet\s+publish(?=\s)/;

/**
 * The .NET SDK builds images itself (`dotnet publish /t:PublishContainer`) with no Dockerfile:
 * container settings in a project file, or that publish target run by a script or CI job.
 */
export const dotnetSdkContainer = defineBuilder({
  id: 'dotnet-sdk-container',
  files: ['**/*.csproj', '**/*.fsproj', '**/Directory.Build.props', '(scripts and CI running dotnet publish -t:PublishContainer)'],
  find({ snapshot }) {
    const facts: ImageBuilderFact[] = [];
    for (const path of snapshot.filesNamedLike((name) => /\.(?:cs|fs)proj$/.test(name))) {
      const text = snapshot.text(path) ?? '';
      const match = PROJECT_CONTAINER.exec(text);
      if (match) facts.push({ builder: 'dotnet-sdk-container', directory: dirOf(path), path, line: lineAt(text, match.index) });
    }
    for (const { script, args } of commandsMatching(snapshot, DOTNET_PUBLISH)) {
      if (!args.some((arg) => /^[/-]{1,2}(?:t|target):PublishContainer$|^-p:PublishProfile=DefaultContainer$|^\/p:PublishProfile=DefaultContainer$/i.test(arg))) continue;
      const project = args.find((arg) => !/^[/-]/.test(arg));
      const written = project && /\.(?:cs|fs)proj$/.test(project) ? dirOf(project) : project;
      const directory = scriptPath(snapshot, script, written);
      if (directory !== undefined) facts.push({ builder: 'dotnet-sdk-container', directory, path: script.path, line: script.line });
    }
    return facts;
  },
});
