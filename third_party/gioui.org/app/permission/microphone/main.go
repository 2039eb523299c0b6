// SPDX-License-Identifier: Unlicense OR MIT

/*
Package microphone implements permissions to access microphone hardware.

# Android

The following entries will be added to AndroidManifest.xml:

	<uses-permission android:name="android.permission.RECORD_AUDIO"/>

RECORD_AUDIO is a "dangerous" permission. See documentation for package
gioui.org/app/permission for more information.
*/
package microphone
