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
        // Android 8.0: WorkManager, EncryptedSharedPreferences and the Keystore APIs we use.
        minSdk = 26
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64") }
    }

    buildFeatures { compose = true }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlinOptions { jvmTarget = "17" }

    // libcrossing_ffi.so per ABI, written by ../scripts/build-rust.sh (cargo-ndk).
    sourceSets["main"].jniLibs.srcDir("build/rustJniLibs")
}

// Build the Rust library for every ABI and generate the Kotlin bindings before compiling.
val buildRust by tasks.registering(Exec::class) {
    workingDir = rootDir
    commandLine("bash", "scripts/build-rust.sh", layout.buildDirectory.dir("rustJniLibs").get().asFile.absolutePath)
}
tasks.named("preBuild") { dependsOn(buildRust) }

dependencies {
    implementation(project(":core")) {
        exclude(group = "net.java.dev.jna", module = "jna")
    }
    implementation("net.java.dev.jna:jna:5.14.0@aar")
    implementation(platform("androidx.compose:compose-bom:2024.12.01"))
    implementation("androidx.compose.material3:material3")
    implementation("androidx.compose.ui:ui")
    implementation("androidx.activity:activity-compose:1.9.3")
    implementation("androidx.lifecycle:lifecycle-viewmodel-compose:2.8.7")
    implementation("androidx.lifecycle:lifecycle-runtime-compose:2.8.7")
    implementation("androidx.navigation:navigation-compose:2.8.5")
    implementation("androidx.work:work-runtime-ktx:2.10.0")
    implementation("androidx.security:security-crypto:1.1.0-alpha06")
}
