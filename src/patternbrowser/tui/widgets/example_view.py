"""One example `[`/`]` step through: a framed code block titled with where it comes from."""

from __future__ import annotations

from patternbrowser.core.guides.samples import Sample
from patternbrowser.tui.widgets.code_block import CodeBlockView


class ExampleView(CodeBlockView):
    """A draft from the TODO or a guide's block; the current one (for `c`) carries `-current`."""

    def __init__(self, sample: Sample) -> None:
        """Show `sample` under a title saying which it is and whether anything checks it."""
        super().__init__(sample.example, sample.frame_title)
        self.sample = sample

    def show_sample(self, sample: Sample) -> None:
        """Show another example in this frame."""
        if sample != self.sample:
            self.sample = sample
            self.show_example(sample.example, sample.frame_title)
