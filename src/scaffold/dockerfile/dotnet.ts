import { defineDockerfileTemplate, type ImageProfile } from './define.js';
import { cacheMount, cachedRun, copyExisting, lines } from './instructions.js';
import { jsonArray } from '../project/command.js';
import { compareVersions } from '../project/version.js';
import type { ServiceFiles } from '../project/service-files.js';

const DEFAULT_DOTNET = '8.0';
/** .NET 8 images listen on 8080 and have an unprivileged `app` user: https://learn.microsoft.com/dotnet/core/docker/container-images */
const FIRST_NONROOT_IMAGE = '8.0';
const RESTORE_INPUTS = ['NuGet.Config', 'nuget.config', 'Directory.Build.props', 'Directory.Packages.props', 'global.json'];

interface DotnetProfile extends ImageProfile {
  version: string;
  project: string;
  assembly: string;
  web: boolean;
  restoreInputs: string[];
}

/** https://learn.microsoft.com/dotnet/core/docker/build-container */
export const dotnetTemplate = defineDockerfileTemplate<DotnetProfile>({
  id: 'dotnet',
  fits: (files) => files.list().some((file) => /^[^/]+\.[cf]sproj$/.test(file)),
  inspect(files) {
    const review: string[] = [];
    const project = projectFile(files);
    const text = files.text(project) ?? '';
    const framework = /<TargetFrameworks?>\s*net(\d+\.\d+)/.exec(text)?.[1];
    if (!framework) review.push(`no TargetFramework in ${project}: using .NET ${DEFAULT_DOTNET}`);
    const version = framework ?? DEFAULT_DOTNET;
    const web = /Sdk="Microsoft\.NET\.Sdk\.Web"/i.test(text);
    const assembly = /<AssemblyName>\s*([^<\s]+)\s*</.exec(text)?.[1] ?? project.replace(/\.[cf]sproj$/, '');
    return {
      version, project, assembly, web, review, restoreInputs: RESTORE_INPUTS.filter((f) => files.has(f)),
      port: web ? 8080 : undefined,
      workdir: '/src', reload: 'rebuild', rebuildOn: [project, ...RESTORE_INPUTS.filter((f) => files.has(f))], syncIgnore: [],
    };
  },
  render(p) {
    const modern = compareVersions(p.version, FIRST_NONROOT_IMAGE) >= 0;
    const nuget = cacheMount('/root/.nuget/packages');
    return lines(
      '# Restore first, in its own layer, then publish from the sources.',
      `FROM mcr.microsoft.com/dotnet/sdk:${p.version} AS build`,
      'WORKDIR /src',
      copyExisting([p.project, ...p.restoreInputs], () => true),
      cachedRun([nuget], `dotnet restore ${p.project}`),
      'COPY . .',
      cachedRun([nuget], `dotnet publish ${p.project} --configuration Release --no-restore`, '--output /app/publish'),
      '',
      `FROM mcr.microsoft.com/dotnet/${p.web ? 'aspnet' : 'runtime'}:${p.version} AS runtime`,
      'WORKDIR /app',
      !modern && ['RUN useradd --system --uid 10001 --no-create-home app', p.web && 'ENV ASPNETCORE_URLS=http://+:8080'],
      'COPY --from=build /app/publish ./',
      'USER app',
      p.port !== undefined && `EXPOSE ${p.port}`,
      `ENTRYPOINT ${jsonArray(['dotnet', `${p.assembly}.dll`])}`,
    );
  },
  ignore: () => ['bin', 'obj', '.vs', '*.user', 'TestResults'],
});

function projectFile(files: ServiceFiles): string {
  const manifest = files.service.manifest;
  const own = files.dir === '.' ? manifest : manifest.slice(files.dir.length + 1);
  if (/^[^/]+\.[cf]sproj$/.test(own)) return own;
  return files.list().find((file) => /^[^/]+\.[cf]sproj$/.test(file)) ?? 'App.csproj';
}
