import { defineDockerfileTemplate } from './define.js';
import { and, copyExisting, lines, run } from './instructions.js';
import { DEFAULT_JAVA, javaMajor, jvmPort, jvmRuntime, pickJar, type JvmProfile } from './jvm.js';

const GRADLE_IMAGE_VERSION = '8.14';
const JAVA_VERSION = /(?:JavaLanguageVersion\.of\(\s*|jvmToolchain\(\s*|(?:source|target)Compatibility\s*=\s*(?:JavaVersion\.VERSION_)?['"]?)(1[._]\d+|\d+)/;

interface GradleProfile extends JvmProfile {
  wrapper: boolean;
  task: string;
  buildFiles: string[];
}

/** Gradle with its wrapper when the project has one (the version it was tested with), else the official gradle image. */
export const gradleTemplate = defineDockerfileTemplate<GradleProfile>({
  id: 'gradle',
  fits: (files) => files.has('build.gradle') || files.has('build.gradle.kts'),
  inspect(files) {
    const review: string[] = [];
    const script = ['build.gradle', 'build.gradle.kts'].map((f) => files.text(f) ?? '').join('\n');
    const java = javaMajor(JAVA_VERSION.exec(script)?.[1]?.replace('_', '.'));
    if (!java) review.push(`no Java toolchain or compatibility in the build script: using ${DEFAULT_JAVA}`);
    const boot = /org\.springframework\.boot/.test(script);
    const wrapper = files.has('gradlew') && files.has('gradle/wrapper/gradle-wrapper.properties');
    if (!boot) review.push('java -jar needs a runnable (fat) jar: check the jar task or use the application plugin');
    const buildFiles = ['settings.gradle', 'settings.gradle.kts', 'build.gradle', 'build.gradle.kts', 'gradle.properties'].filter((f) => files.has(f));
    return {
      java: java ?? DEFAULT_JAVA, wrapper, task: boot ? 'bootJar' : 'jar', buildFiles,
      artifact: '/src/app.jar', command: ['java', '-jar', '/app/app.jar'], port: jvmPort(files, boot || /quarkus|micronaut|ktor/.test(script)), review,
      test: { stage: 'build', command: [...gradle(wrapper), 'test'] },
      workdir: '/src', reload: 'rebuild', rebuildOn: buildFiles, syncIgnore: [],
    };
  },
  render(p) {
    const tool = gradle(p.wrapper).join(' ');
    return lines(
      '# Dependencies in their own layer, then the sources; CI runs the tests here.',
      p.wrapper ? `FROM eclipse-temurin:${p.java}-jdk AS build` : `FROM gradle:${GRADLE_IMAGE_VERSION}-jdk${p.java} AS build`,
      'WORKDIR /src',
      p.wrapper && ['COPY gradlew ./', 'COPY gradle ./gradle'],
      copyExisting(p.buildFiles, () => true),
      `RUN ${tool} dependencies > /dev/null`,
      'COPY . .',
      run(and(`${tool} ${p.task} -x test`, pickJar('build/libs', p.artifact))),
      '',
      jvmRuntime(p),
    );
  },
  ignore: () => ['build', '.gradle', '.idea', '*.iml', 'out'],
});

function gradle(wrapper: boolean): string[] {
  return wrapper ? ['./gradlew', '--no-daemon'] : ['gradle', '--no-daemon'];
}
