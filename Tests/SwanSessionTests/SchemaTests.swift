import Foundation
import XCTest
@testable import SwanSession

/// docs/session.schema.json must describe exactly what the decoder reads.
final class SchemaTests: XCTestCase {
    let schemaURL = packageRoot.appendingPathComponent("docs/session.schema.json")

    // MARK: - Pure Swift: the keys cannot drift apart

    /// For every object of the format, the schema's properties and required keys are the
    /// decoder's key table, and the model's stored properties carry the same names.
    func testSchemaModelAndDecoderHaveTheSameKeys() throws {
        let schema = try loadSchema()
        let rich = try SessionFile.read(exampleURL("voorbeeld-uitgebreid.json"), vocabulary: vocabulary)
        for (path, table) in SessionKeys.all {
            let node = try XCTUnwrap(schemaObject(at: path, in: schema), "no schema object at '\(path)'")
            let properties = try XCTUnwrap(node["properties"] as? [String: Any], "no properties at '\(path)'")
            XCTAssertEqual(Set(properties.keys), Set(table.known), "schema properties at '\(path)'")
            XCTAssertEqual(Set(node["required"] as? [String] ?? []), table.required, "schema required at '\(path)'")
            XCTAssertEqual(node["additionalProperties"] as? Bool, false, "schema at '\(path)' must refuse unknown keys")
            let model = try XCTUnwrap(modelValue(at: path, in: rich), "no model value at '\(path)'")
            // The model keeps "$schema" as `schema` (a Swift name cannot start with '$').
            let labels = Mirror(reflecting: model).children.compactMap(\.label).map { $0 == "schema" ? "$schema" : $0 }
            XCTAssertEqual(Set(labels), Set(table.known), "model properties at '\(path)'")
        }
    }

    func testSchemaWegingAndVersionMatchTheModel() throws {
        let schema = try loadSchema()
        let factor = try XCTUnwrap(schemaObject(at: "ronde2.factoren[]", in: schema))
        let weging = try XCTUnwrap((factor["properties"] as? [String: Any])?["weging"] as? [String: Any])
        let allowed = (weging["enum"] as? [Any])?.compactMap { $0 as? String }
        XCTAssertEqual(allowed, Session.Weging.allCases.map(\.rawValue))
        let version = (schema["properties"] as? [String: Any])?["version"] as? [String: Any]
        XCTAssertEqual((version?["enum"] as? [NSNumber])?.map(\.intValue), Array(Session.readableVersions))
    }

    // MARK: - Python jsonschema: the examples and generated sessions validate

    func testExamplesAndGeneratedSessionsValidateAgainstTheSchema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swan-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var valid = [exampleURL("voorbeeld-uitgebreid.json"), exampleURL("voorbeeld-minimaal.json")]
        let versionOne = directory.appendingPathComponent("version-1.json")
        try Data(#"{"version": 1, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x", "ronde3": {"gekozen": ["huisbezoek"]}}"#.utf8).write(to: versionOne)
        valid.append(versionOne)
        for seed in UInt64(0)..<20 {
            let url = directory.appendingPathComponent("generated-\(seed).json")
            try SessionGenerator.make(seed: seed).encodeJSON().write(to: url)
            valid.append(url)
        }
        // Documents the decoder refuses must fail the schema too.
        let invalid = [
            minimalJSON(#""inbrengr": "x""#),
            #"{"version": 1, "datum": "2025-02-30", "inbrenger": "Zoë", "omschrijving": "x"}"#,
            #"{"version": 1, "datum": "2025-03-14", "inbrenger": "  ", "omschrijving": "x"}"#,
            minimalJSON(#""ronde2": {"factoren": [{"id": "kennis", "weging": "enorm"}]}"#),
            minimalJSON(#""ronde3": {"signaal": {"opvolging": "x"}}"#),
            // Version 2 gives every chosen intervention its level; version 1 lists texts.
            #"{"version": 2, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x", "ronde3": {"gekozen": ["huisbezoek"]}}"#,
            #"{"version": 2, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x", "ronde3": {"gekozen": [{"interventie": "huisbezoek"}]}}"#,
            #"{"version": 1, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x", "ronde3": {"gekozen": [{"niveau": "groep", "interventie": "x"}]}}"#,
            #"{"version": 3, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x"}"#,
        ]
        var invalidURLs: [URL] = []
        for (index, text) in invalid.enumerated() {
            let url = directory.appendingPathComponent("invalid-\(index).json")
            try Data(text.utf8).write(to: url)
            invalidURLs.append(url)
        }
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        result = {}
        for path in sys.argv[2:]:
            result[path] = [e.message for e in validator.iter_errors(json.load(open(path, encoding="utf-8")))]
        print(json.dumps(result))
        """
        let (status, output) = try runPython(script, arguments: [schemaURL.path] + (valid + invalidURLs).map(\.path))
        XCTAssertEqual(status, 0, output)
        let result = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String]], output)
        for url in valid {
            XCTAssertEqual(result[url.path], [], "\(url.lastPathComponent) should validate")
        }
        for (index, url) in invalidURLs.enumerated() {
            XCTAssertFalse(result[url.path]?.isEmpty ?? true, "the schema should refuse: \(invalid[index])")
        }
    }

    // MARK: - Helpers

    private func loadSchema() throws -> [String: Any] {
        let data = try Data(contentsOf: schemaURL)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The schema object at a key-table path ("" root, "ronde1", "ronde1.voorwaarden[]"),
    /// following `$ref`s into `$defs`.
    private func schemaObject(at path: String, in schema: [String: Any]) -> [String: Any]? {
        var node: [String: Any]? = schema
        for step in path.split(separator: ".") where !step.isEmpty {
            let isList = step.hasSuffix("[]")
            let key = isList ? String(step.dropLast(2)) : String(step)
            node = resolve((node?["properties"] as? [String: Any])?[key] as? [String: Any], in: schema)
            if isList { node = resolve(node?["items"] as? [String: Any], in: schema) }
        }
        return node
    }

    private func resolve(_ node: [String: Any]?, in schema: [String: Any]) -> [String: Any]? {
        guard let reference = node?["$ref"] as? String else { return node }
        let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
        return resolve((schema["$defs"] as? [String: Any])?[name] as? [String: Any], in: schema)
    }

    /// The model value at a key-table path in `session` (first element for lists).
    private func modelValue(at path: String, in session: Session) -> Any? {
        var value: Any? = session
        for step in path.split(separator: ".") where !step.isEmpty {
            let isList = step.hasSuffix("[]")
            let key = isList ? String(step.dropLast(2)) : String(step)
            value = value.flatMap { unwrap(Mirror(reflecting: $0).children.first { $0.label == key }?.value) }
            if isList { value = value.flatMap { Mirror(reflecting: $0).children.first?.value } }
        }
        return value
    }

    private func unwrap(_ value: Any?) -> Any? {
        guard let value else { return nil }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map(\.value) }
        return value
    }

    /// Runs python3 with a script; skips the test when python3 or jsonschema is missing.
    private func runPython(_ script: String, arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        // The system's python3 first: it is the one make test installs python3-jsonschema for.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", script] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script] + arguments
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw XCTSkip("python3 is not available: \(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 3 { throw XCTSkip("python3 has no jsonschema module (make test installs python3-jsonschema)") }
        if process.terminationStatus == 127 { throw XCTSkip("python3 is not installed (make test installs python3-jsonschema, which brings it)") }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
