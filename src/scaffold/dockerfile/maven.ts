import { defineDockerfileTemplate } from './define.js';
import { and, lines, run } from './instructions.js';
import { DEFAULT_JAVA, javaMajor, jvmPort, jvmRuntime, pickJar, type JvmProfile } from './jvm.js';

const JAVA_VERSION = /<(?:java\.version|maven\.compiler\.release|maven\.compiler\.target|maven\.compiler\.source|release)>\s*([\d.]+)\s*</;

/** https://docs.docker.com/guides/java/containerize/ with the official maven image. */
export const mavenTemplate = defineDockerfileTemplate<JvmProfile>({
  id: 'maven',
  fits: (files) => files.has('pom.xml'),
  inspect(files) {
    const review: string[] = [];
    const pom = files.text('pom.xml') ?? '';
    const java = javaMajor(JAVA_VERSION.exec(pom)?.[1]);
    if (!java) review.push(`no Java version in pom.xml: using ${DEFAULT_JAVA}`);
    if (/<parent>[\s\S]*?<relativePath>\s*\.\./.test(pom)) review.push('the POM inherits from a parent in the repository: build from the root');
    const framework = /spring-boot|quarkus|micronaut/.test(pom);
    const port = jvmPort(files, framework);
    if (!framework) review.push('java -jar needs a runnable (fat) jar: check the packaging plugins');
    return {
      java: java ?? DEFAULT_JAVA, artifact: '/src/app.jar', command: ['java', '-jar', '/app/app.jar'], port, review,
      test: { stage: 'build', command: ['mvn', '-B', 'test'] },
      workdir: '/src', reload: 'rebuild', rebuildOn: ['pom.xml'], syncIgnore: [],
    };
  },
  render(p) {
    return lines(
      '# Dependencies in their own layer, then the sources; CI runs the tests here.',
      `FROM maven:3.9-eclipse-temurin-${p.java} AS build`,
      'WORKDIR /src',
      'COPY pom.xml ./',
      'RUN mvn -B -q dependency:go-offline',
      'COPY src ./src',
      run(and('mvn -B -q package -DskipTests', pickJar('target', p.artifact))),
      '',
      jvmRuntime(p),
    );
  },
  ignore: () => ['target', '.idea', '*.iml'],
});
