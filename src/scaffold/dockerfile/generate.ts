import { headerComment } from '../header.js';
import type { ServiceFiles } from '../project/service-files.js';
import type { GeneratorInfo } from '../types.js';
import type { ImageProfile, TemplateId } from './define.js';
import { templateFor } from './registry.js';

export interface GeneratedDockerfile {
  template: TemplateId;
  profile: ImageProfile;
  content: string;
  /** .dockerignore entries for this language. */
  ignore: string[];
}

/**
 * A Dockerfile for a service, or undefined when no template builds its language. The syntax
 * directive comes first (a parser directive must), then what generated it and what to review.
 */
export function generateDockerfile(files: ServiceFiles, generator: GeneratorInfo): GeneratedDockerfile | undefined {
  const template = templateFor(files);
  if (!template) return undefined;
  const profile = template.inspect(files);
  const review = ['the base image versions and the start command (CMD or ENTRYPOINT)', ...profile.review];
  const content = [
    '# syntax=docker/dockerfile:1',
    ...headerComment(generator, 'dockerfile', review),
    '# Best practices: https://docs.docker.com/build/building/best-practices/',
    '',
    ...template.render(profile),
  ].join('\n');
  return { template: template.id, profile, content: `${content}\n`, ignore: template.ignore(profile) };
}
