import { textOf } from '../project.js';
import { defineEcosystem } from './define.js';

/** SDKs and settings of projects that run as a process (https://learn.microsoft.com/dotnet/core/project-sdk/overview). */
const APP = /Sdk="Microsoft\.NET\.Sdk\.(?:Web|Worker|BlazorWebAssembly)"|<OutputType>\s*Exe\s*<|<AzureFunctionsVersion>|Include="Microsoft\.NET\.Sdk\.Functions"|Sdk="Aspire\.AppHost\.Sdk/i;
const TEST = /<IsTestProject>\s*true|Include="Microsoft\.NET\.Test\.Sdk"|Sdk="MSTest\.Sdk/i;
/** Desktop and mobile apps ship as installers, never as container images. */
const CLIENT_APP = /<(?:UseWPF|UseWindowsForms|UseMaui)>\s*true|<OutputType>\s*WinExe\s*<|<TargetFrameworks?>[^<]*-(?:android|ios|maccatalyst|windows)/i;

/**
 * .NET projects: web, worker and console projects (and Azure Functions) are apps; class libraries,
 * Razor class libraries, test projects and desktop or mobile clients are not services.
 */
export const dotnet = defineEcosystem({
  id: 'dotnet',
  manifests: ['*.csproj', '*.fsproj', '*.vbproj'],
  rank: 3,
  classify({ snapshot, manifest }) {
    const text = textOf(snapshot, manifest);
    const language = manifest.endsWith('.fsproj') ? 'fsharp' : 'csharp';
    const isTest = TEST.test(text) || /\.Tests?\.[cfv][sb]?proj$/i.test(manifest);
    const isApp = APP.test(text) && !isTest && !CLIENT_APP.test(text);
    return { kind: isApp ? 'app' : 'library', language };
  },
});
