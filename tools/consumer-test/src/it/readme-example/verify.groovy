// Checks what README's example wrote, and that the example still is README's.
import java.nio.file.Files

def target = new File(basedir, 'target')
def expected = ['samples.png', 'generator.gan4j', 'generator.onnx']
expected.each { name ->
    def f = new File(target, name)
    assert f.isFile() : "README's example did not write ${name} (looked in ${target})"
    assert f.length() > 0 : "README's example wrote an empty ${name}"
}
def png = new File(target, 'samples.png').bytes
assert png[1] == (byte) 'P' && png[2] == (byte) 'N' && png[3] == (byte) 'G' : 'samples.png is not a PNG file'
def zipMagic = new File(target, 'generator.gan4j').bytes
assert zipMagic[0] == (byte) 'P' && zipMagic[1] == (byte) 'K' : 'generator.gan4j is not a zip file'

// README's first java block against the lines between the markers.
def readmeText = new File(readme).getText('UTF-8')
def m = readmeText =~ /(?s)```java\n(.*?)```/
assert m.find() : "no java block in ${readme}"
def readmeLines = m.group(1).readLines().collect { it.trim() }.findAll { it }
def source = new File(basedir, 'src/main/java/example/ReadmeExample.java').readLines()
def inBlock = false
def exampleLines = []
source.each { line ->
    def t = line.trim()
    if (t == '// README:end') { inBlock = false }
    if (inBlock && t) {
        if (t.endsWith('// added:')) { return }
        def i = t.indexOf('// README: ')
        exampleLines << (i >= 0 ? t.substring(i + '// README: '.length()).trim() : t)
    }
    if (t == '// README:begin') { inBlock = true }
}
assert exampleLines == readmeLines : "README's example and the consumer test's differ:\nREADME:\n" +
        readmeLines.join('\n') + "\nconsumer test (tools/consumer-test/src/it/readme-example):\n" + exampleLines.join('\n')
println "README's example ran and wrote ${expected.join(', ')}"
return true
