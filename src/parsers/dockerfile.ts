import { DockerfileParser, ModifiableInstruction } from 'dockerfile-ast';

export interface DockerInstruction {
  keyword: string;
  /** Without the flags, which are in `flags`. */
  args: string;
  /** As written: `--from=build`, `--mount=type=secret,id=npm`. */
  flags: string[];
  /** 1-based. */
  line: number;
  stage: number;
}

export interface DockerStage {
  index: number;
  name?: string;
  /** As written, e.g. `node:20-alpine`, `${BASE}`, `build` (another stage). */
  image: string;
  imageName: string;
  tag?: string;
  digest?: string;
  line: number;
}

export interface ParsedDockerfile {
  instructions: DockerInstruction[];
  stages: DockerStage[];
  /** The first instruction other than ARG; a Dockerfile must start with FROM. */
  firstInstruction?: { keyword: string; line: number };
  exposedPorts: Array<{ port: string; line: number }>;
  error?: string;
}

/** Parsed with dockerfile-ast (the parser behind the VS Code Docker extension). Never throws. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const result: ParsedDockerfile = { instructions: [], stages: [], exposedPorts: [] };
  try {
    const dockerfile = DockerfileParser.parse(text);
    let stage = -1;
    for (const instruction of dockerfile.getInstructions()) {
      const keyword = instruction.getKeyword().toUpperCase();
      const line = instruction.getRange().start.line + 1;
      const args = instruction.getArgumentsContent() ?? '';
      const flags = instruction instanceof ModifiableInstruction ? instruction.getFlags().map((flag) => flag.toString()) : [];
      if (keyword === 'FROM') stage++;
      result.instructions.push({ keyword, args, flags, line, stage });
      if (!result.firstInstruction && keyword !== 'ARG') result.firstInstruction = { keyword, line };
      if (keyword === 'EXPOSE' && stage >= 0) {
        for (const port of args.split(/\s+/).filter(Boolean)) result.exposedPorts.push({ port, line });
      }
    }
    dockerfile.getFROMs().forEach((from, index) => {
      result.stages.push({
        index,
        name: from.getBuildStage() ?? undefined,
        image: from.getImage() ?? '',
        imageName: imageNameOf(from.getImage() ?? ''),
        tag: from.getImageTag() ?? undefined,
        digest: from.getImageDigest() ?? undefined,
        line: from.getRange().start.line + 1,
      });
    });
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}

/** Registry and repository without tag or digest: `ghcr.io/org/app:1.2@sha256:…` → `ghcr.io/org/app`. */
function imageNameOf(image: string): string {
  const withoutDigest = image.split('@')[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}
