import { DockerfileParser, ModifiableInstruction } from 'dockerfile-ast';
import type { ParsedDockerfile } from '../../src/parsers/dockerfile.js';

/**
 * What src/parsers/dockerfile.ts returned while it wrapped dockerfile-ast (the parser behind the
 * VS Code Docker extension), kept as the oracle of the differential test of our own parser.
 */
export function parseWithDockerfileAst(text: string): ParsedDockerfile {
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

function imageNameOf(image: string): string {
  const withoutDigest = image.split('@')[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}
