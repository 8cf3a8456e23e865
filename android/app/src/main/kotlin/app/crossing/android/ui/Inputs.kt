package app.crossing.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.ModalBottomSheet
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.material3.rememberModalBottomSheetState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import app.crossing.core.FormInput
import app.crossing.core.InputValue
import app.crossing.core.Tone
import app.crossing.shell.FormState

// The core's inputs drawn generically: which inputs exist, their labels, limits, options and
// defaults are the core's; the shell only collects what the driver typed or chose.

/** The id a value is sent back under. */
val FormInput.inputId: String
    get() = when (this) {
        is FormInput.Text -> id
        is FormInput.Choice -> id
    }

/** The values a form starts with: the core's text, or its preselected option. */
fun initialValues(inputs: List<FormInput>): HashMap<String, String> {
    val values = HashMap<String, String>()
    for (input in inputs) {
        values[input.inputId] = when (input) {
            is FormInput.Text -> input.value
            is FormInput.Choice -> input.selected.orEmpty()
        }
    }
    return values
}

/** At most [max] characters (code points, never half a surrogate pair). */
private fun String.limit(max: Int): String =
    if (codePointCount(0, length) <= max) this else substring(0, offsetByCodePoints(0, max))

/** One input; [error]: the core's refusal sentence when it names this input. */
@Composable
fun InputField(input: FormInput, value: String, onChange: (String) -> Unit, error: String?) {
    when (input) {
        is FormInput.Text -> {
            val max = minOf(input.maxChars, Int.MAX_VALUE.toUInt()).toInt()
            OutlinedTextField(
                value = value,
                onValueChange = { onChange(it.limit(max)) },
                label = { Text(input.label) },
                placeholder = { Text(input.hint) },
                isError = error != null,
                supportingText = { Text(error ?: "${value.codePointCount(0, value.length)} / $max") },
                modifier = Modifier.fillMaxWidth(),
            )
        }
        is FormInput.Choice -> Column(Modifier.fillMaxWidth().selectableGroup()) {
            Text(input.label, style = MaterialTheme.typography.titleSmall)
            input.options.forEach { option ->
                key(option.id) {
                    Row(
                        Modifier
                            .fillMaxWidth()
                            .selectable(selected = value == option.id, role = Role.RadioButton) { onChange(option.id) }
                            .padding(vertical = 8.dp),
                        verticalAlignment = Alignment.CenterVertically,
                    ) {
                        RadioButton(selected = value == option.id, onClick = null)
                        Text(option.label, Modifier.padding(start = 12.dp))
                    }
                }
            }
            // A value outside the list, typed (e.g. another port).
            input.otherHint?.let { hint ->
                OutlinedTextField(
                    value = if (input.options.any { it.id == value }) "" else value,
                    onValueChange = onChange,
                    placeholder = { Text(hint) },
                    isError = error != null,
                    singleLine = true,
                    modifier = Modifier.fillMaxWidth(),
                )
            }
            if (error != null) ToneLine(Tone.PROBLEM, error)
        }
    }
}

/** The open form as a bottom sheet; closing it records nothing. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun FormSheet(state: FormState, onSubmit: (List<InputValue>) -> Unit, onClose: () -> Unit) {
    val form = state.form
    var values by rememberSaveable(form) { mutableStateOf(initialValues(form.inputs)) }
    val refusal = state.refusal
    ModalBottomSheet(onDismissRequest = onClose, sheetState = rememberModalBottomSheetState(skipPartiallyExpanded = true)) {
        Column(
            Modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(start = 16.dp, end = 16.dp, bottom = 32.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Text(form.title, style = MaterialTheme.typography.titleLarge)
            if (form.explanation.isNotEmpty()) Text(form.explanation)
            // A refusal that names no input of this form goes above it.
            if (refusal != null && form.inputs.none { it.inputId == refusal.input }) ToneLine(Tone.PROBLEM, refusal.message)
            form.inputs.forEach { input ->
                val id = input.inputId
                key(id) {
                    InputField(
                        input = input,
                        value = values[id].orEmpty(),
                        onChange = { text -> values = HashMap(values).apply { put(id, text) } },
                        error = refusal?.takeIf { it.input == id }?.message,
                    )
                }
            }
            Button(
                onClick = { onSubmit(values.map { (id, value) -> InputValue(id, value) }) },
                modifier = Modifier.fillMaxWidth(),
            ) { Text(form.submitLabel) }
        }
    }
}
