// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mapgen",
    platforms: [.macOS(.v15)],   // Synchronization.Mutex (Situation) needs macOS 15
    products: [
        .executable(name: "mapgen", targets: ["mapgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // Thin shims over the system libraries (Debian: libgeos-dev, libproj-dev, libcairo2-dev, libpango1.0-dev).
        .systemLibrary(name: "CGEOS", path: "Sources/CGEOS", pkgConfig: "geos",
                       providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", path: "Sources/CPROJ", pkgConfig: "proj",
                       providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CGIF", path: "Sources/CGIF", pkgConfig: "libgif",
                       providers: [.apt(["libgif-dev"])]),
        .systemLibrary(name: "CWebP", path: "Sources/CWebP", pkgConfig: "libwebpmux",
                       providers: [.apt(["libwebp-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),

        // Geometry, projection, geodesics, gazetteer. Knows nothing about drawing.
        // Swift 6 language mode: the compiler checks every sharing across threads.
        .target(name: "Geo", dependencies: ["CGEOS", "CPROJ"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // GDAL loaded at first use (dlopen), not linked: see Sources/CGDAL/include/CGDAL.h.
        // Needs GDAL's headers to build (Debian: libgdal-dev) and libgdal only when a command uses it.
        .target(name: "CGDAL", linkerSettings: [.linkedLibrary("dl")]),
        // Vector files in and out through GDAL/OGR (GeoPackage, GeoJSON, KML, FlatGeobuf, CSV, …):
        // plain value types outside, every OGR handle inside.
        .target(name: "VectorIO", dependencies: ["Geo", "CGDAL"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // The domain: reports, posts, control, the situation at a date.
        .target(name: "Situation", dependencies: ["Geo", "VectorIO", "CSQLite", .product(name: "Yams", package: "Yams")],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        // The situation as vector layers (export) and datasets into the theatre (ACLED, GeoNames).
        .target(name: "Exchange", dependencies: ["Geo", "Situation", "VectorIO"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // Cairo/Pango drawing of a situation into SVG and PNG.
        .target(name: "Render", dependencies: ["Geo", "Situation", "CCairo", "CGIF", "CWebP"],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        // Reading text: place mentions in English, Arabic, French and Turkish, resolved in context.
        .target(name: "Geoparse", dependencies: ["Geo", .product(name: "Yams", package: "Yams")], swiftSettings: [.swiftLanguageMode(.v6)]),
        // From news text to candidate events: lexicon cues, dates, figures, attribution; review and apply.
        .target(name: "Ingest", dependencies: ["Geo", "Situation", "Geoparse", .product(name: "Yams", package: "Yams")],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "mapgen", dependencies: [
            "Geo", "Situation", "Render", "VectorIO", "Exchange", "Geoparse", "Ingest",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: [.swiftLanguageMode(.v6)]),

        .testTarget(name: "GeoTests", dependencies: ["Geo"]),
        .testTarget(name: "SituationTests", dependencies: ["Situation", "Geo"]),
        .testTarget(name: "VectorIOTests", dependencies: ["VectorIO", "Exchange", "Situation", "Geo"], swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(name: "GeoparseTests", dependencies: ["Geoparse", "Geo"], exclude: ["Fixtures"],
                    swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Geoparse", "Situation", "Geo"], exclude: ["Fixtures"],
                    swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Situation", "Geo", "CCairo"]),
    ],
    swiftLanguageModes: [.v5]
)
