import React from 'react';
import {render} from 'ink-testing-library';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
const rows = Array.from({length: 10}, (_, i) => <Text key={i}>row {i}</Text>);
const app = render(
	<Box flexDirection="column">
		<Text>top</Text>
		<Box height={4} overflowY="hidden" flexDirection="column">
			<Box marginTop={-3} flexDirection="column" flexShrink={0}>
				{rows}
				<SelectInput items={[{label: 'a', value: 'a'}, {label: 'b', value: 'b'}]} isFocused={false} />
			</Box>
		</Box>
		<Text>bottom</Text>
	</Box>,
);
await new Promise((r) => setTimeout(r, 20));
console.log(app.lastFrame());
app.unmount();
