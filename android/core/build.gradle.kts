// The JVM part of the shell: the generated bindings plus a thin repository layer. It has no
// Android dependency, so it compiles and its tests run on the desktop JVM
// (bindings/scripts/kotlin-test.sh does exactly that without Gradle).
plugins {
    id("org.jetbrains.kotlin.jvm")
}

kotlin { jvmToolchain(17) }

sourceSets {
    main {
        // Written by ../scripts/build-rust.sh (uniffi-bindgen); never edited by hand.
        kotlin.srcDir("../../build/gen/kotlin")
    }
    test {
        // The bindings' own tests and their fleet-server helper (Fleet.kt) run here too.
        kotlin.srcDir("../../bindings/kotlin/test")
    }
}

dependencies {
    implementation("net.java.dev.jna:jna:5.14.0")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.9.0")
    testImplementation(kotlin("test"))
    testImplementation("org.junit.jupiter:junit-jupiter:5.11.3")
    testImplementation("com.google.zxing:core:3.5.3")
}

tasks.test {
    useJUnitPlatform()
    systemProperty("jna.library.path", "${rootDir}/../target/debug")
    // A fleet server must be running: see bindings/scripts/kotlin-test.sh for the properties
    // (crossing.server, crossing.manager, crossing.driver, crossing.examples).
    for (p in listOf("crossing.server", "crossing.manager", "crossing.driver", "crossing.examples")) {
        System.getProperty(p)?.let { systemProperty(p, it) }
    }
}
