import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("org.jetbrains.kotlin.plugin.compose")
}

android {
    namespace = "app.crossing.android"
    compileSdk = 35

    defaultConfig {
        applicationId = "app.crossing.android"
        // Android 8.0: WorkManager and the Keystore AES-GCM key the token store uses.
        minSdk = 26
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
        // The fleet server; `-Pcrossing.server=http://127.0.0.1:8080` for a local one
        // (`adb reverse tcp:8080 tcp:8080`: the core allows plain http only to loopback).
        val server = providers.gradleProperty("crossing.server").getOrElse("https://fleet.crossing.app")
        buildConfigField("String", "SERVER_URL", "\"$server\"")
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64") }
    }

    buildFeatures {
        compose = true
        buildConfig = true
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    // libcrossing_ffi.so per ABI, written by ../scripts/build-rust.sh (cargo-ndk).
    sourceSets["main"].jniLibs.srcDir("build/rustJniLibs")
}

kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
}

// Build the Rust library for every ABI and generate the Kotlin bindings before compiling.
val buildRust by tasks.registering(Exec::class) {
    workingDir = rootDir
    commandLine("bash", "scripts/build-rust.sh", layout.buildDirectory.dir("rustJniLibs").get().asFile.absolutePath)
}
tasks.named("preBuild") { dependsOn(buildRust) }

dependencies {
    // The generated bindings and the screen models (android/core), with JNA as an Android AAR.
    implementation(project(":core")) {
        exclude(group = "net.java.dev.jna", module = "jna")
    }
    implementation("net.java.dev.jna:jna:5.14.0@aar")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.9.0")
    implementation(platform("androidx.compose:compose-bom:2024.12.01"))
    implementation("androidx.compose.material3:material3")
    implementation("androidx.compose.material:material-icons-core")
    implementation("androidx.compose.ui:ui")
    // 1.10+: LocalActivity.
    implementation("androidx.activity:activity-compose:1.10.1")
    // FileProvider: a printed sheet handed to the share sheet.
    implementation("androidx.core:core-ktx:1.15.0")
    implementation("androidx.lifecycle:lifecycle-viewmodel-compose:2.8.7")
    implementation("androidx.lifecycle:lifecycle-runtime-compose:2.8.7")
    implementation("androidx.navigation:navigation-compose:2.8.5")
    implementation("androidx.work:work-runtime-ktx:2.10.0")
}
