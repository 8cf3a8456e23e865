import CrossingKit
import SwiftUI

/// One of the core's form inputs, drawn generically: text with its hint and length limit, or
/// a choice with its preselected option and, when the core allows it, a typed other value.
struct FormInputView: View {
    let input: FormInput
    @Binding var draft: FormDraft

    var body: some View {
        switch input {
        case let .text(id, label, hint, _, maxChars, _):
            VStack(alignment: .leading, spacing: 6) {
                Text(label).font(.subheadline.bold())
                TextField(hint, text: $draft[dynamicMember: \.[text: id, limit: maxChars]], axis: .vertical)
                    .lineLimit(1...6)
                Text("\(draft[text: id, limit: maxChars].count)/\(maxChars)").font(.caption2).foregroundStyle(.secondary)
            }
        case let .choice(id, label, options, _, _, otherHint):
            Picker(label, selection: $draft[dynamicMember: \.[choice: id]]) {
                ForEach(options, id: \.id) { Text($0.label).tag(Optional($0.id)) }
            }
            .pickerStyle(.inline)
            if let otherHint { TextField(otherHint, text: $draft[dynamicMember: \.[other: id]]) }
        }
    }
}

/// The core's form for a status action, as a sheet. A refusal shows next to the input it
/// names (on top when it names none); the core decides what is valid.
struct RecordFormView: View {
    let open: OpenForm
    @ObservedObject var record: RecordModel
    @State private var draft: FormDraft
    @Environment(\.dismiss) private var dismiss

    init(open: OpenForm, record: RecordModel) {
        self.open = open
        self.record = record
        _draft = State(initialValue: FormDraft(open.form.inputs))
    }

    var body: some View {
        NavigationStack {
            Form {
                if !open.form.explanation.isEmpty { SwiftUI.Section { Text(open.form.explanation) } }
                if let refusal = open.refusal, !open.form.inputs.contains(where: { $0.id == refusal.input }) {
                    SwiftUI.Section { ToneLabel(refusal.message, tone: .problem) }
                }
                ForEach(open.form.inputs, id: \.id) { input in
                    SwiftUI.Section {
                        FormInputView(input: input, draft: $draft)
                        if let refusal = open.refusal, refusal.input == input.id { ToneLabel(refusal.message, tone: .problem) }
                    }
                }
                Button {
                    let values = draft.intentValues(open.form.inputs)
                    Task { await record.submit(values) }
                } label: {
                    Text(open.form.submitLabel).frame(maxWidth: .infinity)
                }
                .buttonStyle(.borderedProminent)
                .disabled(record.sending)
            }
            .navigationTitle(open.form.title)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar { ToolbarItem(placement: .cancellationAction) { Button(ShellTexts.current.close) { dismiss() } } }
        }
    }
}
